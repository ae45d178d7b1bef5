/** @module `npm create wpay@latest my-shop` (the `create-wpay` bin). */
import { relative } from 'node:path';
import { scaffold } from './scaffold.js';

const [target, ...rest] = process.argv.slice(2);
if (target === undefined || target.startsWith('-') || rest.length > 0) {
  console.error(
    'Usage: npm create wpay@latest <directory>   (e.g. npm create wpay@latest my-shop)',
  );
  process.exitCode = 2;
} else {
  try {
    const { dir } = await scaffold(target);
    const cd = relative(process.cwd(), dir) || '.';
    console.log(`Created a WPay shop in ${dir}.

  cd ${cd}
  npm install
  npm run dev        # the local WPay sandbox and the shop: http://localhost:3000/

Then stop it and check the integration: npm start, and in another terminal npm run doctor.`);
  } catch (error) {
    console.error(`create-wpay: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
