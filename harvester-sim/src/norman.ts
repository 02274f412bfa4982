import { SimUser } from './auth';
import { Obj } from './types';

const NORMAN_TYPES = ['principal', 'user', 'setting', 'authConfig', 'cluster', 'project', 'token'];

/** The few Norman (`/v3`) answers the shell needs: principals, schemas, and empty collections otherwise. */
export function normanGet(path: string, base: string, user: SimUser): Obj {
  const collection = (resourceType: string, data: Obj[]) => ({
    type: 'collection', resourceType, links: { self: `${ base }/v3/${ resourceType }s` }, actions: {}, data
  });

  if (path === 'principals' || path.startsWith('principals?')) {
    return collection('principal', [{
      id:            `local://${ user.id }`,
      type:          'principal',
      me:            true,
      memberOf:      false,
      principalType: 'user',
      provider:      'local',
      loginName:     user.username,
      name:          user.displayName,
      links:         { self: `${ base }/v3/principals/local:%2F%2F${ user.id }` },
    }]);
  }
  if (path === 'users' || path.startsWith('users?')) {
    // Older shells (Rancher 2.12 and before) read `/v3/users?me=true` after login to check mustChangePassword.
    return collection('user', [{
      id:                 user.id,
      type:               'user',
      me:                 true,
      username:           user.username,
      name:               user.displayName,
      enabled:            true,
      mustChangePassword: false,
      principalIds:       [`local://${ user.id }`],
      links:              { self: `${ base }/v3/users/${ user.id }` },
    }]);
  }
  if (path === 'schemas') {
    return collection('schema', NORMAN_TYPES.map((id) => ({
      id,
      type:              'schema',
      pluralName:        `${ id }s`,
      links:             { self: `${ base }/v3/schemas/${ id }`, collection: `${ base }/v3/${ id }s` },
      collectionMethods: ['GET'],
      resourceMethods:   ['GET'],
      resourceFields:    {},
    })));
  }
  const type = path.split(/[/?]/)[0].replace(/s$/, '');

  return collection(type, []);
}
