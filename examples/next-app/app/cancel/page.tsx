import { ReturnStatus } from '../return-status';

export default function Cancel() {
  return (
    <main>
      <h1>Order cancelled</h1>
      <ReturnStatus />
      <p>
        <a href="/">Back to the shop</a>
      </p>
    </main>
  );
}
