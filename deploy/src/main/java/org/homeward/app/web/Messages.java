package org.homeward.app.web;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The pages' texts, from the bundles under {@code messages/}: English as the base, French complete beside it.
 * The pseudo-locale {@code en-XA} (Accept-Language) shows every text from a bundle in ⟦brackets⟧, so a translator
 * or a test sees at once any text a template wrote by hand.
 */
@Configuration(proxyBeanMethods = false)
class Messages {

    static final Locale PSEUDO = Locale.forLanguageTag("en-XA");

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String basenames) {
        Bundles bundles = new Bundles();
        bundles.setBasenames(basenames.split(","));
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        // every text through MessageFormat, with or without arguments, so an apostrophe is written one way: ''
        bundles.setAlwaysUseMessageFormat(true);
        return bundles;
    }

    private static final class Bundles extends ResourceBundleMessageSource {

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            if (!PSEUDO.equals(locale)) {
                return super.resolveCodeWithoutArguments(code, locale);
            }
            String english = super.resolveCodeWithoutArguments(code, Locale.ROOT);
            return english == null ? null : "⟦" + english + "⟧";
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            if (!PSEUDO.equals(locale)) {
                return super.resolveCode(code, locale);
            }
            MessageFormat english = super.resolveCode(code, Locale.ROOT);
            return english == null ? null : new MessageFormat("⟦" + english.toPattern() + "⟧", Locale.ROOT);
        }
    }
}
