// Settings of the installation. The one used today: the user's name ('user.name'), set once
// (first-run prompt or settings) and recorded with every correction, override and report, and in
// every audit row written while it is set.

import { StoreError } from './errors.js';
import { readUserName, USER_NAME_KEY, type StoreContext } from './context.js';

const MAX_USER_NAME = 40;

export interface SettingRecords {
  /** The installation's user name, or null before it was set. */
  userName(): string | null;
  setUserName(name: string): void;
}

export function settingRecords(ctx: StoreContext): SettingRecords {
  const { db } = ctx;
  return {
    userName: () => readUserName(db),
    setUserName(name) {
      const to = typeof name === 'string' ? name.trim().replace(/\s+/g, ' ') : '';
      if (to === '') throw new StoreError('姓名不能为空。', 'invalid');
      if (to.length > MAX_USER_NAME) throw new StoreError(`姓名不能超过 ${MAX_USER_NAME} 个字。`, 'invalid');
      ctx.write((at) => {
        const from = readUserName(db);
        if (from === to) return;
        db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
          USER_NAME_KEY,
          to,
          at,
        );
        ctx.audit(at, 'settings.user', null, { from, to, user: to });
      });
    },
  };
}
