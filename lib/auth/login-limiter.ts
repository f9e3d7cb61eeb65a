import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
// Many accounts tried from one address is credential stuffing, even if each account sees few failures.
export const MAX_FAILURES_PER_IP = 50;
// One account tried from many addresses (a botnet, or forged forwarded headers behind a misconfigured proxy):
// a ceiling whatever the address. It can lock the owner out for 15 minutes; guessing a password is worse.
export const MAX_FAILURES_PER_ACCOUNT = 20;

type Limiters = { accountAndIp: RateLimiterPrisma; ip: RateLimiterPrisma; account: RateLimiterPrisma };
let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  const common = { storeClient: db, tableName: "rateLimit", duration: WINDOW_SECONDS, clearExpiredByTimeout: false };
  limiters ??= {
    accountAndIp: new RateLimiterPrisma({ ...common, keyPrefix: "login:account-ip", points: MAX_FAILURES_PER_ACCOUNT_AND_IP }),
    ip: new RateLimiterPrisma({ ...common, keyPrefix: "login:ip", points: MAX_FAILURES_PER_IP }),
    account: new RateLimiterPrisma({ ...common, keyPrefix: "login:account", points: MAX_FAILURES_PER_ACCOUNT }),
  };
  return limiters;
}

const accountKey = (email: string, ip: string) => `${email}|${ip}`;

/** Seconds until sign-in may be tried again, or 0 when it is allowed now. */
export async function secondsUntilLoginAllowed(email: string, ip: string): Promise<number> {
  const { accountAndIp, ip: perIp, account: perAccount } = getLimiters();
  const [accountFromIp, address, account] = await Promise.all([
    accountAndIp.get(accountKey(email, ip)),
    perIp.get(ip),
    perAccount.get(email),
  ]);
  const blockedMs = Math.max(
    blockedFor(accountFromIp, MAX_FAILURES_PER_ACCOUNT_AND_IP),
    blockedFor(address, MAX_FAILURES_PER_IP),
    blockedFor(account, MAX_FAILURES_PER_ACCOUNT),
  );
  return Math.ceil(blockedMs / 1000);
}

export async function recordLoginFailure(email: string, ip: string) {
  const { accountAndIp, ip: perIp, account } = getLimiters();
  // consume() rejects once the limit is passed; the failure is counted either way.
  await Promise.all([
    accountAndIp.consume(accountKey(email, ip)).catch(rethrowUnlessLimit),
    perIp.consume(ip).catch(rethrowUnlessLimit),
    account.consume(email).catch(rethrowUnlessLimit),
  ]);
  if (Math.random() < 0.01) await db.rateLimit.deleteMany({ where: { expire: { lt: new Date() } } });
}

export async function clearLoginFailures(email: string, ip: string) {
  const { accountAndIp, account } = getLimiters();
  await Promise.all([accountAndIp.delete(accountKey(email, ip)), account.delete(email)]);
}

function blockedFor(result: RateLimiterRes | null, limit: number) {
  return result && result.consumedPoints >= limit ? result.msBeforeNext : 0;
}

function rethrowUnlessLimit(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
