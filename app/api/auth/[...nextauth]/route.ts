import { handlers } from '@/lib/auth/next-auth';

// Auth.js endpoints: sign-in callbacks, CSRF token, session, sign-out.
export const { GET, POST } = handlers;
