// The smallest Lit element, for scale in the size section: ReactiveElement and one empty class.
import { ReactiveElement } from '@lit/reactive-element';

customElements.define('bench-probe', class extends ReactiveElement {});
