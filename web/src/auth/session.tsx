/**
 * The signed-in account: loaded once from GET /auth/session, set by login, cleared by logout or
 * by any 401. Roles decide which menu items and actions are offered; the server still decides
 * what each request may do.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { Role, Session, SessionAccount } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

const writingRoles: Role[] = ['orgDepartmentAdmin', 'collegeAdmin', 'branchSecretary'];
// Branch secretaries may hand out the member role, so they manage accounts too (see accounts/policy.ts).
const granterRoles: Role[] = ['platformAdmin', 'orgDepartmentAdmin', 'collegeAdmin', 'branchSecretary'];

export type Abilities = {
  roles: Role[];
  /** Only the `member` role: sees their own record and account page. */
  selfOnly: boolean;
  /** May change something somewhere (the server checks the subtree). */
  writes: boolean;
  /** May see the org tree and member lists. */
  browses: boolean;
  /** May manage accounts. */
  managesAccounts: boolean;
  /** May read the audit trail. */
  readsAudit: boolean;
  /** Org ids at the top of the subtrees the account may write. */
  writeRoots: string[];
};

type SessionState = {
  status: 'loading' | 'signedIn' | 'signedOut';
  account: SessionAccount | null;
  abilities: Abilities;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

function abilitiesOf(account: SessionAccount | null): Abilities {
  const roles = [...new Set((account?.grants ?? []).map((g) => g.role))];
  const has = (list: Role[]) => roles.some((r) => list.includes(r));
  return {
    roles,
    selfOnly: roles.length > 0 && roles.every((r) => r === 'member'),
    writes: has(writingRoles) || roles.includes('platformAdmin'),
    browses: roles.some((r) => r !== 'member'),
    managesAccounts: has(granterRoles),
    readsAudit: roles.some((r) => r !== 'member'),
    writeRoots: (account?.grants ?? [])
      .filter((g) => writingRoles.includes(g.role) && g.orgId)
      .map((g) => g.orgId as string),
  };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [account, setAccount] = useState<SessionAccount | null>(null);
  const { locale, setLocale } = useI18n();
  const queryClient = useQueryClient();

  const accept = useCallback(
    (s: Session) => {
      setCsrfToken(s.csrfToken);
      setAccount(s.account);
      setStatus('signedIn');
      if (s.account.locale !== locale) setLocale(s.account.locale);
    },
    [locale, setLocale],
  );

  const clear = useCallback(() => {
    setCsrfToken(null);
    setAccount(null);
    setStatus('signedOut');
    queryClient.clear();
  }, [queryClient]);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<Session>('/auth/session'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) clear();
      else throw e;
    }
  }, [accept, clear]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the session once on start
  useEffect(() => {
    setUnauthenticatedHandler(clear);
    refresh().catch(() => setStatus('signedOut'));
    return () => setUnauthenticatedHandler(null);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      accept(await api.post<Session>('/auth/login', { username, password }));
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      clear();
    }
  }, [clear]);

  const value = useMemo<SessionState>(
    () => ({ status, account, abilities: abilitiesOf(account), signIn, signOut, refresh }),
    [status, account, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
