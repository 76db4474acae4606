/** The element a value belongs to: its id for the problem, its description for the sentence. */
export interface Owner {
  readonly id: string;
  /** "service task 'check_docs'". */
  readonly label: string;
}

