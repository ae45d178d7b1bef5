import { ReturnStatus } from '../return-status';

export default function Success() {
  return (
    <main>
      <h1>Your order</h1>
      <ReturnStatus />
      <p>
        <a href="/">Back to the shop</a>
      </p>
    </main>
  );
}
