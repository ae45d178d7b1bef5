import { defineConfig } from 'vite';
import { storefrontViteConfig } from './build/vite-config.js';

// `pnpm --filter @wpay/demo build` → demo/dist (the merchant server also builds on start when needed).
export default defineConfig(storefrontViteConfig());
