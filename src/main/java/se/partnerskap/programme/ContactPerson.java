package se.partnerskap.programme;

import se.partnerskap.shared.Language;

/**
 * A contact person of a programme, shown on its page as content: a published work contact, never a
 * login and never a recipient of mail sent by the platform.
 */
public record ContactPerson(String key, String name, String roleSv, String roleEn, String phone, String email) {

    public String role(Language language) {
        return language.pick(roleSv, roleEn);
    }
}
