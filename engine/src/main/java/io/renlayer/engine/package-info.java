/**
 * The one policy and DLP engine, shared by the proxy (inline, on every request) and the API (validation and the
 * {@code /policies/evaluate} dry run), so both always agree.
 *
 * <p>Compile a tenant's {@link io.renlayer.schemas.config.TenantConfigSnapshot} once with
 * {@link io.renlayer.engine.Engine#compile}, then call {@link io.renlayer.engine.Engine#evaluate} per request from
 * any thread, and {@link io.renlayer.engine.Engine#newResponseScanner} per streamed response. The parts are usable
 * alone: {@link io.renlayer.engine.policy.PolicyEngine}, {@link io.renlayer.engine.dlp.DlpScanner} and its
 * {@link io.renlayer.engine.dlp.StreamingDlpScanner}, {@link io.renlayer.engine.dlp.Redactor}, and the validators
 * in {@code io.renlayer.engine.validation}, which report bad input as field-level violations instead of throwing.
 */
package io.renlayer.engine;
