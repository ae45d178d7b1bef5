import '@wpay/widget'; // defines <wpay-button> and <wpay-return>
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
