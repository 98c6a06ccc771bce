/*
 * Left only for availability/check.operation.ts, which the WhatsApp engineer rewrites for both nodes in
 * issue 22 (it then imports fetchSettings from ./api); delete this file at that merge.
 */
export { readPageId } from '../../shared/accounts/locators';
export { fetchSettings as fetchCallSettings } from './api';
