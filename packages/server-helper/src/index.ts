export type {
  WPayApiErrorInit,
  WPayErrorCode,
  WPayErrorInit,
  WPayValidationIssue,
  WPayWebhookErrorReason,
} from './errors.js';
export {
  WPayApiError,
  WPayAuthError,
  WPayConfigError,
  WPayError,
  WPayNetworkError,
  WPaySignatureError,
  WPayTimeoutError,
  WPayValidationError,
  WPayWebhookError,
} from './errors.js';
export type { MemoryTokenStoreOptions, StoredToken, TokenStore } from './transport/token-store.js';
export { MemoryTokenStore } from './transport/token-store.js';
