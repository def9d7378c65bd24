// What the user can do from the reading review (ReadingReview.tsx and its parts): confirm, remove
// or reveal a condition, write one by hand for a sentence not read, answer a project fact, close.
export interface ReviewActions {
  onConfirm: (id: string) => void;
  onRemove: (id: string) => void;
  onReveal: (id: string) => void;
  onWriteByHand: (index: number) => void;
  onFact: (id: string, value: boolean | undefined) => void;
  onClose: () => void;
}
