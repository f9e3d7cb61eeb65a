import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { authenticate } from "./authenticate";
import { clientIp } from "./client-ip";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

export class InvalidCredentialsError extends CredentialsSignin {
  code = "invalid_credentials";
}
export class RateLimitedError extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(200) });

/**
 * Auth.js keeps only an opaque session id in its encrypted cookie; who the user
 * is and what they may do is looked up from that id on every request
 * (lib/auth/actor.ts), so revoking the row revokes the cookie.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  // Self-hosted behind a load balancer: the Host header is the app's own.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentialsError();
        try {
          const { userId, sessionId } = await authenticate({ ...parsed.data, ip: clientIp(request.headers) });
          return { id: userId, sessionId };
        } catch (error) {
          if (isAppError(error) && error.code === "RATE_LIMITED") throw new RateLimitedError();
          if (isAppError(error) && error.code === "INVALID_CREDENTIALS") throw new InvalidCredentialsError();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      // Names and emails stay out of the cookie; the database is the source of truth.
      return { sid: token.sid, sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { expires: session.expires, sessionId: token.sid } as typeof session;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token?.sid) await revokeSession(message.token.sid);
    },
  },
}));
