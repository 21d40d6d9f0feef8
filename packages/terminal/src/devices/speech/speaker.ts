/** A local speech synthesizer (espeak-ng on the stick); never a cloud service. */
export interface Speaker {
  available(): Promise<boolean>;
  speak(text: string, language: string): Promise<void>;
  stop(): void;
}
