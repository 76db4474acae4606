// Letters that occur in Vietnamese and not in English: a message without any is not Vietnamese.
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Whether a message shown to users is written in Vietnamese (it has Vietnamese letters). */
export function isVietnamese(text: unknown): boolean {
  return typeof text === 'string' && VIETNAMESE_LETTER.test(text);
}
