// The organisation a report is issued under: the fields being edited, the saved profiles (the
// first one is filled in when the screen opens), the seal image's name, and saving.
import { useState } from 'react';
import type { OrgProfileRow } from '../../../shared/api/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../hooks/useInvoke';
import type { Org } from './model';

export interface OrgProfile {
  org: Org;
  /** Changes some fields of the organisation being edited. */
  set: (patch: Partial<Org>) => void;
  profiles: OrgProfileRow[];
  pickProfile: (p: OrgProfileRow) => void;
  /** The seal image shown: a file's name, the saved image, or '' for none. */
  sealName: string;
  setSealName: (name: string) => void;
  /** Saves the organisation as a profile; the Chinese message of a refusal, or null. */
  save: () => Promise<string | null>;
}

export function useOrgProfile(projectId: number): OrgProfile {
  const [org, setOrg] = useState<Org>({ name: '', crossPageSeal: true });
  const [sealName, setSealName] = useState('');
  const saved = useInvoke('org.list', {});
  const profiles = saved.data ?? [];

  const pickProfile = (p: OrgProfileRow) => {
    setOrg({
      name: p.name,
      sealText: p.sealText,
      preparer: p.preparer,
      checker: p.checker,
      approver: p.approver,
      crossPageSeal: p.crossPageSeal ?? false,
    });
    setSealName(p.hasSealPng ? '（已保存的印章图片）' : '');
  };

  // A project's report starts from the first saved profile.
  const [filledFor, setFilledFor] = useState<number | null>(null);
  if (saved.data && filledFor !== projectId) {
    setFilledFor(projectId);
    if (saved.data[0]) pickProfile(saved.data[0]);
  }

  const save = async (): Promise<string | null> => {
    const name = org.name.trim();
    if (!name) return '请填写审查单位名称';
    await invoke('org.save', { profile: { ...org, name } });
    await saved.reload();
    return null;
  };

  return { org, set: (patch) => setOrg((o) => ({ ...o, ...patch })), profiles, pickProfile, sealName, setSealName, save };
}
