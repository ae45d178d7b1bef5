// Types <wpay-button> and <wpay-return> in React's JSX (React reads its own React.JSX namespace).
import type { WpayButtonJsxProps, WpayReturnJsxProps } from '@wpay/widget';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'wpay-button': WpayButtonJsxProps;
      'wpay-return': WpayReturnJsxProps;
    }
  }
}
