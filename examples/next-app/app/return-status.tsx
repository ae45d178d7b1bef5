'use client';
import { WpayReturn } from '@wpay/widget/react';

export function ReturnStatus() {
  return <WpayReturn statusEndpoint="/api/status" />;
}
