package org.homeward.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * Every {@code @Scheduled} task (purges, rotation checks, segment sharing, projection progress) runs again next
 * round, so a failed round is logged by {@link DatabaseUnavailable#logFailedRound}: during an outage one line per
 * round instead of Spring's stack trace at ERROR every few seconds.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledRounds {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRounds.class);

    private static final ErrorHandler FAILED_ROUND =
            failure -> DatabaseUnavailable.logFailedRound(log, "A scheduled task", failure);

    @Bean
    ThreadPoolTaskSchedulerCustomizer failedRoundsOnThreadPool() {
        return scheduler -> scheduler.setErrorHandler(FAILED_ROUND);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer failedRoundsOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(FAILED_ROUND);
    }
}
