/**
 * A tag such as "syntetiskt" or "illustrativt" after a name, unless the name already says it
 * ("Delområde A (syntetiskt)", "Helsingborgs livskvalitetsprogram (illustrativt)"): the word once is enough.
 */
export function NameTag({ name, word, show }: { name: string; word: string; show: boolean }) {
  if (!show || name.toLocaleLowerCase().includes(word.toLocaleLowerCase())) return null;
  return <span className="tag"> {word}</span>;
}
