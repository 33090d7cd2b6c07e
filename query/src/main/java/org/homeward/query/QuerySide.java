package org.homeward.query;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the read side contributes to an application: projections, their queries and endpoints. */
@Configuration
@ComponentScan
public class QuerySide {
}
