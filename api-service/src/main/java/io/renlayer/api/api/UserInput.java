package io.renlayer.api.api;

import io.renlayer.api.auth.Role;
import io.renlayer.api.core.Checks;

import java.util.regex.Pattern;

/** Body of POST (invite: email and role) and PATCH (role) of a user. */
public record UserInput(String email, Role role) {

    // Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is the mail server's call.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    public void validateInvite() {
        new Checks().require(isEmail(email), "email", "must be an email address")
                .present(role, "role").orThrow();
    }

    public void validateRoleChange() {
        new Checks().require(email == null, "email", "cannot be changed; invite the new address instead")
                .present(role, "role").orThrow();
    }
}
