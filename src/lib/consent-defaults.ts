import type { ConsentKind } from "@/lib/contracts/consents";

/**
 * The plain-language text each practitioner starts with. The first time their consent documents are
 * needed, version 1 of each kind is published from this text, so every client consent points at a
 * stored version with a hash; the practitioner can then publish their own wording as version 2.
 */
export const DEFAULT_CONSENT_DOCUMENTS: Record<ConsentKind, { title: string; body: string }> = {
  data_processing: {
    title: "Keeping your information",
    body: `To look after you well, I keep a record about you: your contact details, the health information you share with me, notes from our sessions and any photos you agree to.

Why I keep it: to plan and provide your sessions safely, to contact you about appointments, and to meet my professional and legal record-keeping duties.

Who sees it: only me. I do not sell your information or share it with anyone else unless you ask me to, you separately agree to it, or the law requires it. My record system stores it securely and encrypted on my behalf.

How long I keep it: for as long as you are my client and afterwards only as long as my professional and legal duties require. Then I delete it.

Your rights: you can ask to see a copy of your information, to correct it, or to have it deleted. You can withdraw this consent at any time by telling me; I will then stop using your information except where the law requires me to keep it.

I need this consent to work with you.`,
  },
  marketing: {
    title: "News and offers",
    body: `I would like to send you occasional news, reminders about seasonal offers, and information about new services by email or text message.

I will never share your details with anyone else for their marketing. You can say no now and still book sessions as normal, and you can stop these messages at any time by replying or telling me.`,
  },
  photography: {
    title: "Photos",
    body: `Sometimes a photo helps me track changes over time, for example in posture, skin or progress towards your goals.

Photos are kept privately in your record, are seen only by me, and are never posted or shared. Any location or camera details are removed when the photo is stored. You can ask me to delete a photo at any time, and saying no does not affect your care.`,
  },
  health_information_sharing: {
    title: "Sharing health information with other professionals",
    body: `Occasionally it helps your care if I talk with another professional who looks after you, such as your doctor, physiotherapist or therapist.

If you agree, I may share the relevant parts of your health information with them, only for your care and only as much as needed. I will tell you before I do so whenever I can. Saying no does not affect your sessions, and you can withdraw this consent at any time.`,
  },
  ai_processing: {
    title: "AI-assisted summaries of your notes",
    body: `My record system can use an AI service to help me prepare: for example, a short summary of our past sessions before you come in.

If you agree, the text of my session notes about you may be sent to that AI service to produce the summary. Your name, email address, phone number, address and date of birth are replaced with placeholders before anything is sent. The AI service does not decide anything about your care; I read and check everything it writes, and nothing it writes is added to your record.

Saying no does not affect your care in any way: your notes are then never sent to an AI service. You can withdraw this consent at any time by telling me.`,
  },
};
