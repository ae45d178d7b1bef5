import { webhook } from '@/lib/wpay';

export const POST = webhook;
