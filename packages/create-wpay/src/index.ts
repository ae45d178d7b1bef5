/**
 * @module The public surface of `create-wpay`: the scaffolder as a function (what
 * `npm create wpay` runs).
 */
export {
  DEV_SANDBOX_PORT,
  DEV_SHOP_PORT,
  type ScaffoldOptions,
  type ScaffoldResult,
  scaffold,
} from './scaffold.js';
