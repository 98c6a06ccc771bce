export { WhatsAppCalling } from './nodes/WhatsAppCalling/WhatsAppCalling.node';
export { MessengerCalling } from './nodes/MessengerCalling/MessengerCalling.node';
export { WhatsAppCallingTrigger } from './nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
export { MessengerCallingTrigger } from './nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
