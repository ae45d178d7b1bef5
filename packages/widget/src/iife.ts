// Entry of dist/wpay-widget.iife.js: defines both tags (src/index.ts) and exposes the classes a
// plain page may need as `window.WPayWidget` (helpers stay in the npm build, to keep this file
// small). Loaded twice, the first copy's classes stay: the ones the tags were defined with.
import {
  VERSION,
  WpayButton,
  WpayCheckoutEvent,
  WpayErrorEvent,
  WpayRedirectEvent,
  WpayReturn,
  WpayStatusEvent,
} from './index.js';
import { publish } from './publish.js';

publish({
  VERSION,
  WpayButton,
  WpayCheckoutEvent,
  WpayErrorEvent,
  WpayRedirectEvent,
  WpayReturn,
  WpayStatusEvent,
});
