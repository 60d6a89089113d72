// A random secret in Secrets Manager (the CloudFront origin secret, the cursor-signing key),
// resolved by CloudFormation where it is used, so its value never appears in the template.
import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/** Creates the secret `id` and returns a dynamic reference to its value. */
export function generatedSecret(scope: Construct, id: string, description: string): string {
  const secret = new Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'Rotated by redeploying after replacing the secret (see the README); automatic rotation would need a ' +
      'rotation Lambda and a coordinated CloudFront update for a value that only gates the origin.',
  });
  return secret.secretValue.unsafeUnwrap();
}
