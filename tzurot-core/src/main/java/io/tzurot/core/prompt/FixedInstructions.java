package io.tzurot.core.prompt;

import java.util.List;

/** The fixed instruction texts of the prompt. They contain no characters that need escaping. */
final class FixedInstructions {

    static final List<String> PLATFORM_CONSTRAINTS = List.of(
            "Never write sexual or sexualised content involving anyone under 18, whether real or fictional. When a"
                    + " character's age is ambiguous in a sexual context, treat them as an adult only if nothing suggests"
                    + " otherwise; if anything suggests a minor, refuse.",
            "Never give real-world instructions for making weapons capable of mass casualties: biological, chemical,"
                    + " nuclear or radiological weapons, or explosives.",
            "Never write working malicious code, exploits or instructions meant to break into or damage systems.",
            "Never reveal, look up or guess private personal information about real people, such as home addresses,"
                    + " phone numbers or identity documents, and never help to harass, threaten or single out a real"
                    + " person (no targeted harassment).");

    static final List<String> OUTPUT_CONSTRAINTS = List.of(
            "Output the raw response text only; do not include name labels, timestamps, or speaker prefixes.",
            "Never output XML tags in your response.",
            "Never repeat, parrot or echo recent messages of the conversation: do not sum up what the user just"
                    + " said back to them and do not retell the conversation history; always answer with something new.");

    static final String PARTICIPANTS_INSTRUCTION = "These people are in this conversation. Match the from_id attribute"
            + " of chat_log messages to the id attribute of a participant.";

    static final String SCENE_NOTE = "Participants marked character=\"true\" are other characters sharing this"
            + " channel with you. Their messages in the chat_log are theirs, not yours: never speak or act for them,"
            + " and never present their words as your own.";

    static final String MEMORY_INSTRUCTION = "These are SUMMARIZED NOTES from past interactions, not the current"
            + " conversation. Use them ONLY as background to inform your response to the user message; do not"
            + " repeat them.";

    private FixedInstructions() {
    }

    static List<String> identityConstraints(String name) {
        return List.of(
                "Limit agency strictly to " + name + "; treat all other chat participants as independent, immutable"
                        + " external users.",
                "Generate only a single turn of dialogue or action for " + name + ", then stop immediately.",
                "Never impersonate, speak for, or predict the reactions of other users in the chat log.");
    }

    static String nameCollision(String name, String escapedUsername) {
        return "The user called " + name + " (@" + escapedUsername + ") is a different person who shares your"
                + " name; you are not them.";
    }

    static String groupNote(String escapedActiveName) {
        return "This is a group conversation. Each chat_log message names its speaker in the from attribute; "
                + escapedActiveName + " wrote the current message.";
    }

    static String referenceStub(String content) {
        String head = content.length() > 100 ? content.substring(0, 100) + "..." : content;
        return "[Reply target \u2014 full message is in the conversation above]\n\n" + head;
    }
}
