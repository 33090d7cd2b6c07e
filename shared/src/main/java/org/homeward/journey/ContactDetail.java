package org.homeward.journey;

/** The contact details of {@link PersonalDetails} a person may agree to share with a partner, one by one. */
public enum ContactDetail { FULL_NAME, PHONE, EMAIL }
