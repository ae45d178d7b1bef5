// Entry of dist/wpay-button.iife.js: defines <wpay-button> alone (src/button.ts) and exposes the
// classes a plain page may need on `window.WPayWidget`, beside those of another copy already
// loaded (the full file loaded first keeps its classes; loaded after, it adds <wpay-return>'s).

import {
  VERSION,
  WpayButton,
  WpayCheckoutEvent,
  WpayErrorEvent,
  WpayRedirectEvent,
} from './button.js';
import { publish } from './publish.js';

publish({ VERSION, WpayButton, WpayCheckoutEvent, WpayErrorEvent, WpayRedirectEvent });
