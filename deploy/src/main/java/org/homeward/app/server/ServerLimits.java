package org.homeward.app.server;

import java.time.Duration;
import org.apache.catalina.core.StandardHost;
import org.homeward.app.HomewardSettings;
import org.homeward.app.problems.ProblemErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What the embedded Tomcat allows a client beyond the {@code server.tomcat.*} settings: a bound on the time a
 * request body takes and on the requests one client has in progress, no draining of bodies nobody reads, and
 * problem+json for the errors Tomcat answers itself.
 */
@Configuration(proxyBeanMethods = false)
class ServerLimits {

    @Bean
    FilterRegistrationBean<RequestBodyDeadline> requestBodyDeadline(
            HomewardSettings settings) {
        FilterRegistrationBean<RequestBodyDeadline> registration =
                new FilterRegistrationBean<>(new RequestBodyDeadline(settings.http().bodyReadTimeout()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RefusedBodyCloses> refusedBodyCloses() {
        FilterRegistrationBean<RefusedBodyCloses> registration = new FilterRegistrationBean<>(new RefusedBodyCloses());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Inside {@link RefusedBodyCloses}, so that a refused client is told its connection closes. */
    @Bean
    FilterRegistrationBean<RequestsPerClient> requestsPerClient(HomewardSettings settings) {
        FilterRegistrationBean<RequestsPerClient> registration =
                new FilterRegistrationBean<>(new RequestsPerClient(settings.http().maxRequestsPerClient()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRefusals(
            HomewardSettings settings) {
        Duration bodyDeadline = settings.http().bodyReadTimeout();
        return factory -> factory.addContextCustomizers(context -> {
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            context.getPipeline().addValve(new UnreadBodyCloses(bodyDeadline));
        });
    }
}
