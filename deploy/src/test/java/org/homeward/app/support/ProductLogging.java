package org.homeward.app.support;

/**
 * For an application started as its own JVM from the test class path: the product's own logging (Spring Boot's
 * default, at INFO) instead of the tests' quiet {@code logback-test.xml}, which that class path carries too. Such
 * a start is read from its log (the port Tomcat took), and its log is what a failure shows.
 */
public final class ProductLogging {

    public static final String JVM_OPTION = "-Dlogging.config=classpath:logback-product.xml";

    private ProductLogging() {
    }
}
