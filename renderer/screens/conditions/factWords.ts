// The project facts in the user's words, loaded once from the API (`conditions.projectFacts`) and
// shared by the paste screen and the condition editor.
import { createContext, useContext } from 'react';
import type { FactWords } from './reading';

export const FactWordsContext = createContext<FactWords>([]);

export function useFactWords(): FactWords {
  return useContext(FactWordsContext);
}
