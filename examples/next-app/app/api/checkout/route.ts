import { checkout } from '@/lib/wpay';

export const POST = checkout;
