// A Server Component: the page is rendered on the server; the button is a Client Component.
import { BuyButton } from './buy-button';

export default function Page() {
  return (
    <main>
      <h1>T-shirt</h1>
      <BuyButton />
    </main>
  );
}
