import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <wpay-button> and <wpay-return> are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('wpay-') } },
    }),
  ],
  // `npm run dev`: Vite serves the app, `npm start` (port 3000) the API and the webhook.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
