import '@wpay/widget'; // defines <wpay-button> and <wpay-return>
// Types both tags in Vue templates (props, `.prop` bindings, `@wpay-*` events): once, in any file.
import type {} from '@wpay/widget/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
