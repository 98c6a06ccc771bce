// A real n8n answers in seconds, but a webhook call may wait for activation and a slow, shared CPU.
jest.setTimeout(180000);
