export { WhatsAppCalling } from './nodes/WhatsAppCalling/WhatsAppCalling.node';
