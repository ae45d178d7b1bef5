// The storefront: importing the widget defines <wpay-button>; the buttons are already in the HTML.
import '@wpay/widget';
