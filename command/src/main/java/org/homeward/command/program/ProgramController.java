package org.homeward.command.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.homeward.access.Ids;
import org.homeward.command.CommandSender;
import org.homeward.command.Submission;
import org.homeward.program.DefineProgram;
import org.homeward.program.ProgramKind;
import org.homeward.program.RetireProgram;
import org.homeward.program.UpdateProgram;
import org.homeward.refusal.NotPermittedException;
import org.homeward.refusal.NotVisibleException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Defines, changes and retires the service programs that milestones can name. */
@RestController
@Tag(name = "programs")
// produces: a request whose answer cannot be written is refused (406) before its command is sent
@RequestMapping(value = "/api/v1/programs", produces = MediaType.APPLICATION_JSON_VALUE)
class ProgramController {

    @Schema(name = "ProgramDefinition")
    record Definition(@NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_RULE) String organisationId,
                      @NotBlank @Size(max = 200) String name,
                      @NotNull ProgramKind kind,
                      @Min(1) Integer capacity) {
    }

    @Schema(name = "ProgramChange")
    record Change(@NotBlank @Size(max = 200) String name, @NotNull ProgramKind kind, @Min(1) Integer capacity) {
    }

    @Schema(name = "ProgramRetirement")
    record Retirement(@NotBlank @Size(max = 500) String reason) {
    }

    record Defined(UUID programId) {
    }

    private final CommandSender commands;
    private final ProgramCatalogue catalogue;

    ProgramController(CommandSender commands, ProgramCatalogue catalogue) {
        this.commands = commands;
        this.catalogue = catalogue;
    }

    @Operation(summary = "Define a service program of the caller's organisation (administrators)")
    @ApiResponse(responseCode = "201", description = "Defined")
    @PostMapping
    ResponseEntity<Defined> define(@RequestBody Definition request, Submission submission) {
        if (!request.organisationId().equals(submission.caller().organisationId())) {
            throw new NotPermittedException("Programs are defined for one's own organisation");
        }
        UUID programId = submission.newId("program");
        commands.send(new DefineProgram(programId, request.organisationId(), request.name(), request.kind(),
                                        request.capacity()),
                      submission, request);
        return ResponseEntity.created(URI.create("/api/v1/programs?organisationId=" + request.organisationId()))
                             .body(new Defined(programId));
    }

    @Operation(summary = "Change a program's name, kind or capacity (administrators)")
    @ApiResponse(responseCode = "204", description = "Changed")
    @PostMapping("/{programId}/changes")
    ResponseEntity<Void> change(@PathVariable UUID programId, @RequestBody Change request,
                                Submission submission) {
        requireOwnProgram(submission, programId);
        commands.send(new UpdateProgram(programId, request.name(), request.kind(), request.capacity()), submission,
                      request);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Retire a program; milestones can no longer name it (administrators)")
    @ApiResponse(responseCode = "204", description = "Retired")
    @PostMapping("/{programId}/retirement")
    ResponseEntity<Void> retire(@PathVariable UUID programId, @RequestBody Retirement request,
                                Submission submission) {
        requireOwnProgram(submission, programId);
        commands.send(new RetireProgram(programId, request.reason()), submission, request);
        return ResponseEntity.noContent().build();
    }

    /** Another organisation's program is answered as unknown. */
    private void requireOwnProgram(Submission submission, UUID programId) {
        catalogue.find(programId)
                 .filter(program -> program.organisationId().equals(submission.caller().organisationId()))
                 .orElseThrow(() -> new NotVisibleException(programId));
    }
}
