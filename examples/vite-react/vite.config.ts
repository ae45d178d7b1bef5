import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // `npm run dev`: Vite serves the app, `npm start` (port 3000) the API and the webhook.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
