export { WhatsAppCalling } from './nodes/WhatsAppCalling/WhatsAppCalling.node';
export { MessengerCalling } from './nodes/MessengerCalling/MessengerCalling.node';
