{{/* Names ------------------------------------------------------------------------ */}}

{{- define "kubechat.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kubechat.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "kubechat.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "kubechat.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* The name of one service's objects: (dict "ctx" $ "svc" "nlp") -> <fullname>-nlp */}}
{{- define "kubechat.svcname" -}}
{{- printf "%s-%s" (include "kubechat.fullname" .ctx) .svc | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kubechat.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: kubechat
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
{{ include "kubechat.selectorLabels" . }}
{{- end }}

{{/* Selects one service's pods (also what NetworkPolicies match on). */}}
{{- define "kubechat.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kubechat.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .svc }}
{{- end }}

{{- define "kubechat.image" -}}
{{- $values := index .ctx.Values .svc -}}
{{- printf "%s:%s" $values.image.repository (default .ctx.Chart.AppVersion $values.image.tag) }}
{{- end }}

{{/* Production guards ---------------------------------------------------------------
Services refuse placeholder secrets when KUBECHAT_ENVIRONMENT=production; the chart refuses
to render the same mistakes, so they surface at `helm install`, not as crash loops. */}}

{{- define "kubechat.production" -}}
{{- if eq .Values.environment "production" }}true{{ end }}
{{- end }}

{{- define "kubechat.validate" -}}
{{- if not (has .Values.environment (list "dev" "test" "production")) }}
{{- fail (printf "environment must be dev, test or production, not %q" .Values.environment) }}
{{- end }}
{{- if include "kubechat.production" . }}
{{- $s := .Values.secrets }}
{{- if not $s.existingSecret }}
{{- fail "secrets.existingSecret is required in production: an existing Secret with the database URL, the encryption key (Fernet), the Keycloak admin client secret and the confirmation seal key" }}
{{- end }}
{{- range $name := list "databaseUrl" "encryptionKey" "keycloakAdminClientSecret" "confirmationSealKey" }}
{{- if not (index $s.keys $name) }}
{{- fail (printf "secrets.keys.%s is required in production (the key in %s that holds it)" $name $s.existingSecret) }}
{{- end }}
{{- end }}
{{- range $svc := list "gateway" "executor" "audit" }}
{{- if not (index $.Values.bus.natsPasswordKeys $svc) }}
{{- fail (printf "bus.natsPasswordKeys.%s is required in production: NATS refuses anonymous clients" $svc) }}
{{- end }}
{{- end }}
{{- range $svc := list "gateway" "executor" "nlp" }}
{{- if not (index $.Values.bus.redisPasswordKeys $svc) }}
{{- fail (printf "bus.redisPasswordKeys.%s is required in production: Redis refuses anonymous clients" $svc) }}
{{- end }}
{{- end }}
{{- $_ := required "config.oidcIssuer is required in production (https://<keycloak>/realms/<realm>)" .Values.config.oidcIssuer }}
{{- $_ := required "config.clickhouseUrl is required in production (the embedded engine cannot scale)" .Values.config.clickhouseUrl }}
{{- $_ := required "config.natsUrl is required in production" .Values.config.natsUrl }}
{{- $_ := required "config.redisUrl is required in production" .Values.config.redisUrl }}
{{- if not .Values.bus.tls.enabled }}
{{- if not (and (hasPrefix "tls://" .Values.config.natsUrl) (hasPrefix "rediss://" .Values.config.redisUrl)) }}
{{- fail "bus.tls.enabled=false is refused in production unless config.natsUrl is tls:// and config.redisUrl is rediss://: passwords and audit events would cross the network in clear" }}
{{- end }}
{{- end }}
{{- if ne .Values.gateway.authMode "oidc" }}
{{- fail "gateway.authMode must be oidc in production (dev lets every request act as the developer)" }}
{{- end }}
{{- range $svc := list "gateway" "nlp" "executor" "audit" "identity" }}
{{- range $name, $value := (index $.Values $svc).env }}
{{- if regexMatch "(?i)(KEY|SECRET|PASSWORD|TOKEN)$" $name }}
{{- fail (printf "%s.env.%s looks like a secret: put it in secrets.existingSecret and name its key in %s.secretEnv" $svc $name $svc) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* Pod pieces shared by every Deployment --------------------------------------------- */}}

{{/* KUBECHAT_* from the shared ConfigMap, then this service's own settings. */}}
{{- define "kubechat.envFrom" -}}
- configMapRef:
    name: {{ include "kubechat.fullname" . }}-config
{{- end }}

{{/* A container's env, after the shared ConfigMap (envFrom; env wins over it):
  values:          KUBECHAT_* name -> plain value
  secrets:         name -> key in secrets.existingSecret (the pod does not start without it)
  optionalSecrets: name -> key read only when the Secret has it
then the service's `secretEnv` (name -> key in the Secret) and `env` (name -> value). Secrets are left out when no Secret is named (dev). */}}
{{- define "kubechat.env" -}}
{{- $secret := .ctx.Values.secrets.existingSecret -}}
{{- $env := list -}}
{{- range $name, $value := .values }}
{{- $env = append $env (dict "name" $name "value" (toString $value)) }}
{{- end }}
{{- if $secret }}
{{- range $name, $key := .secrets }}
{{- if $key }}
{{- $env = append $env (dict "name" $name "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $key))) }}
{{- end }}
{{- end }}
{{- with index .ctx.Values.bus.natsPasswordKeys .svc }}
{{- $env = append $env (dict "name" "KUBECHAT_NATS_USER" "value" $.svc) }}
{{- $env = append $env (dict "name" "KUBECHAT_NATS_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" .))) }}
{{- end }}
{{- with index .ctx.Values.bus.redisPasswordKeys .svc }}
{{- $env = append $env (dict "name" "KUBECHAT_REDIS_USER" "value" $.svc) }}
{{- $env = append $env (dict "name" "KUBECHAT_REDIS_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" .))) }}
{{- end }}
{{- range $name, $key := (index .ctx.Values .svc).secretEnv }}
{{- $env = append $env (dict "name" $name "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $key))) }}
{{- end }}
{{- range $name, $key := .optionalSecrets }}
{{- if $key }}
{{- $env = append $env (dict "name" $name "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $key "optional" true))) }}
{{- end }}
{{- end }}
{{- end }}
{{- range $name, $value := (index .ctx.Values .svc).env }}
{{- $env = append $env (dict "name" $name "value" (toString $value)) }}
{{- end }}
{{- toYaml $env }}
{{- end }}

{{- define "kubechat.podSpecCommon" -}}
{{- $values := index .ctx.Values .svc -}}
serviceAccountName: {{ include "kubechat.svcname" . }}
securityContext:
  {{- toYaml .ctx.Values.podSecurityContext | nindent 2 }}
{{- with .ctx.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Image, security context and resources of the service's one container. */}}
{{- define "kubechat.containerCommon" -}}
{{- $values := index .ctx.Values .svc -}}
image: {{ include "kubechat.image" . }}
imagePullPolicy: {{ $values.image.pullPolicy }}
securityContext:
  {{- toYaml .ctx.Values.containerSecurityContext | nindent 2 }}
resources:
  {{- toYaml $values.resources | nindent 2 }}
{{- end }}

{{/* gRPC liveness/readiness through the standard health service every service registers,
on its plaintext health-only port: kubelet's grpc probes cannot present a client
certificate, and the mTLS port admits nobody without one. */}}
{{- define "kubechat.grpcProbes" -}}
startupProbe:
  grpc: {port: {{ .port }}}
  periodSeconds: 2
  failureThreshold: 30
livenessProbe:
  grpc: {port: {{ .port }}}
  periodSeconds: 10
  timeoutSeconds: 2
  failureThreshold: 3
readinessProbe:
  grpc: {port: {{ .port }}}
  periodSeconds: 5
  timeoutSeconds: 2
  failureThreshold: 2
{{- end }}

{{/* The root filesystem is read-only; Python and the libraries still want a /tmp. */}}
{{- define "kubechat.tmpVolume" -}}
- name: tmp
  emptyDir: {sizeLimit: 64Mi}
{{- end }}

{{- define "kubechat.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* Mesh identity (README "Keys and certificates"): the service's own TLS Secret
(tls.crt, tls.key, ca.crt: what cert-manager writes) and the caller-assertion key. Only the
gateway receives the private signing key; every other pod gets the public key alone. The
ConfigMap points KUBECHAT_TLS_* and KUBECHAT_CALLER_* at these paths. */}}
{{- define "kubechat.meshVolumes" -}}
{{- $mesh := .ctx.Values.meshTLS -}}
- name: mesh-tls
  secret:
    secretName: {{ index $mesh.secrets .svc | default (printf "%s-tls" (include "kubechat.svcname" .)) }}
    defaultMode: 0440
- name: caller-key
  secret:
    secretName: {{ $mesh.callerKeysSecret | default (printf "%s-caller-keys" (include "kubechat.fullname" .ctx)) }}
    defaultMode: 0440
    items:
      {{- if eq .svc "gateway" }}
      - {key: signing.key, path: signing.key}
      {{- else }}
      - {key: signing.pub, path: signing.pub}
      {{- end }}
{{- if .ctx.Values.bus.tls.enabled }}
- name: bus-ca
  secret:
    secretName: {{ .ctx.Values.bus.tls.caSecret | default (printf "%s-bus-ca" (include "kubechat.fullname" .ctx)) }}
    defaultMode: 0444
    items:
      - {key: ca.crt, path: ca.crt}
{{- end }}
{{- end }}

{{- define "kubechat.meshMounts" -}}
- {name: mesh-tls, mountPath: /etc/kubechat/tls, readOnly: true}
- {name: caller-key, mountPath: /etc/kubechat/caller, readOnly: true}
{{- if .Values.bus.tls.enabled }}
- {name: bus-ca, mountPath: /etc/kubechat/bus-ca, readOnly: true}
{{- end }}
{{- end }}

{{/* Objects that are the same shape for every service ---------------------------------- */}}

{{- define "kubechat.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "kubechat.svcname" . }}
  labels:
    {{- include "kubechat.labels" . | nindent 4 }}
# Only the executor talks to the Kubernetes API.
automountServiceAccountToken: {{ eq .svc "executor" }}
{{- end }}

{{/* Internal gRPC services are headless: callers resolve every pod and round-robin
(kubechat.grpc.channel sets round_robin), so calls spread over replicas instead of
sticking to one long-lived HTTP/2 connection through a virtual IP. */}}
{{- define "kubechat.grpcService" -}}
{{- $values := index .ctx.Values .svc -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "kubechat.svcname" . }}
  labels:
    {{- include "kubechat.labels" . | nindent 4 }}
spec:
  clusterIP: None
  selector:
    {{- include "kubechat.selectorLabels" . | nindent 4 }}
  ports:
    - name: grpc
      port: {{ $values.grpcPort }}
      targetPort: grpc
      appProtocol: grpc
{{- end }}

{{- define "kubechat.hpa" -}}
{{- $values := index .ctx.Values .svc -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "kubechat.svcname" . }}
  labels:
    {{- include "kubechat.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "kubechat.svcname" . }}
  minReplicas: {{ $values.autoscaling.minReplicas }}
  maxReplicas: {{ $values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}

{{- define "kubechat.pdb" -}}
{{- $values := index .ctx.Values .svc -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "kubechat.svcname" . }}
  labels:
    {{- include "kubechat.labels" . | nindent 4 }}
spec:
  minAvailable: {{ $values.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "kubechat.selectorLabels" . | nindent 6 }}
{{- end }}

{{/* Ingress from the gateway only, on the service's gRPC port. Egress is not restricted:
NATS, Redis, ClickHouse, PostgreSQL and Keycloak are external and their addresses are
URLs, not selectors. */}}
{{- define "kubechat.fromGatewayOnly" -}}
{{ include "kubechat.fromCallers" (dict "ctx" .ctx "svc" .svc "callers" (list "gateway")) }}
{{- end }}

{{/* Ingress to a service's gRPC port from the pods of the named services only. */}}
{{- define "kubechat.fromCallers" -}}
{{- $ctx := .ctx -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "kubechat.svcname" . }}
  labels:
    {{- include "kubechat.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "kubechat.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    - from:
        {{- range $caller := .callers }}
        - podSelector:
            matchLabels:
              {{- include "kubechat.selectorLabels" (dict "ctx" $ctx "svc" $caller) | nindent 14 }}
        {{- end }}
      ports:
        - port: grpc
          protocol: TCP
{{- end }}
