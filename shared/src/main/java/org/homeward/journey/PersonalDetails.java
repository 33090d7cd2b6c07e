package org.homeward.journey;

/**
 * Who the person is. In events and projections every field is sealed under the person's own key (see
 * {@link org.homeward.privacy.Sealed}); only a reader allowed to see the person gets them opened.
 */
public record PersonalDetails(String fullName, String phone, String email, String dateOfBirth) {

    @Override
    public String toString() {
        return "PersonalDetails[...]";
    }
}
