package org.homeward.command;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the write side contributes to an application: aggregates and their endpoints. */
@Configuration
@ComponentScan
public class CommandSide {
}
