// Entry of dist/wpay-widget.iife.js: defines both tags and exposes the classes a plain page may
// need as `window.WPayWidget` (helpers stay in the npm build, to keep this file small).
export {
  VERSION,
  WpayButton,
  WpayCheckoutEvent,
  WpayErrorEvent,
  WpayRedirectEvent,
  WpayReturn,
  WpayStatusEvent,
} from './index.js';
