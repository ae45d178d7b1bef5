import { status } from '@/lib/wpay';

// A GET route handler is dynamic by default: the status is never cached.
export const GET = status;
